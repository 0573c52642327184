package io.gatehouse.data.review;

import java.util.Objects;

/** A message asking the customer of a reversed decline to retry; channel {@code email} or {@code sms}. */
public record CustomerNotification(String channel, String message) {
    public CustomerNotification {
        Objects.requireNonNull(channel, "channel");
    }
}
