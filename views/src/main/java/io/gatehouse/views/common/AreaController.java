package io.gatehouse.views.common;

import java.util.List;

/** A controller of a navigation area: it names its own shortcuts and where focus goes first. */
public interface AreaController {
    /** Shortcuts that work only while this area is shown. */
    List<Shortcut> shortcuts();

    /** Moves keyboard focus to the area's first useful control. */
    void focusFirst();
}
