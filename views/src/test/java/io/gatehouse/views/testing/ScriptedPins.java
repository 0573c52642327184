package io.gatehouse.views.testing;

import io.gatehouse.data.keys.token.TokenInfo;
import io.gatehouse.views.keys.PinCancelledException;
import io.gatehouse.views.keys.PinPrompt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A PIN prompt that answers from a script: a PIN, or null for a custodian who cancels. */
public final class ScriptedPins implements PinPrompt {
    private final Deque<String> answers = new ArrayDeque<>();
    public final List<String> rejections = new CopyOnWriteArrayList<>();
    public int asked;

    public ScriptedPins answer(String... pins) {
        for (String p : pins) {
            answers.add(p == null ? "" : p);
        }
        return this;
    }

    @Override
    public synchronized char[] pinFor(TokenInfo token) {
        asked++;
        String next = answers.isEmpty() ? "1234" : answers.poll();
        if (next.isEmpty()) {
            throw new PinCancelledException(token.label());
        }
        return next.toCharArray();
    }

    @Override
    public void rejected(String sentence) {
        rejections.add(sentence);
    }
}
