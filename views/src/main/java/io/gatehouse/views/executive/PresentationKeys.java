package io.gatehouse.views.executive;

import javafx.scene.input.KeyCode;

/** What each key does in the presentation; clickers send Page Up and Page Down. */
enum PresentationKeys {
    NEXT, PREVIOUS, FIRST, LAST, CLOSE, NONE;

    static PresentationKeys of(KeyCode code) {
        return switch (code) {
            case RIGHT, PAGE_DOWN, SPACE, DOWN, ENTER -> NEXT;
            case LEFT, PAGE_UP, UP, BACK_SPACE -> PREVIOUS;
            case HOME -> FIRST;
            case END -> LAST;
            case ESCAPE -> CLOSE;
            default -> NONE;
        };
    }
}
