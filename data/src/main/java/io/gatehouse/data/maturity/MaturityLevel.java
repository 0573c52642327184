package io.gatehouse.data.maturity;

/** The five levels of each dimension, from reacting to incidents to security that runs itself. */
public enum MaturityLevel {
    REACTIVE(1), PROACTIVE(2), ADAPTIVE(3), PREDICTIVE(4), AUTONOMOUS(5);

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    private final int number;

    MaturityLevel(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The level with this number, 1 to 5. */
    public static MaturityLevel of(int number) {
        if (number < LOWEST || number > HIGHEST) {
            throw new IllegalArgumentException("a maturity level is 1 to 5, was " + number);
        }
        return values()[number - 1];
    }
}
