package io.gatehouse.views.testing;

import io.gatehouse.views.common.DialogService;
import io.gatehouse.views.common.UserMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every message instead of showing it. */
public final class RecordingDialogService implements DialogService {
    public final List<UserMessage> shown = new CopyOnWriteArrayList<>();

    @Override
    public void notify(UserMessage message) {
        shown.add(message);
    }
}
