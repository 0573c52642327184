package io.gatehouse.data.settings;

/** Where the main window was and how large; a null x or y means "let the window system centre it". */
public record WindowPlacement(Double x, Double y, double width, double height, boolean maximized) {
    public static final double MIN_WIDTH = 800;
    public static final double MIN_HEIGHT = 560;

    public WindowPlacement {
        width = Double.isFinite(width) ? Math.max(MIN_WIDTH, width) : MIN_WIDTH;
        height = Double.isFinite(height) ? Math.max(MIN_HEIGHT, height) : MIN_HEIGHT;
        if (x != null && !Double.isFinite(x)) {
            x = null;
        }
        if (y != null && !Double.isFinite(y)) {
            y = null;
        }
    }

    public static WindowPlacement defaults() {
        return new WindowPlacement(null, null, 1280, 800, false);
    }
}
