package com.clover.moderation;

/** An appeal against a moderation verdict. */
public class Appeal {
    private Long id;
    private final String videoId;
    private final String reason;

    public Appeal(String videoId, String reason) {
        this.videoId = videoId;
        this.reason = reason;
    }

    public String videoId() {
        return videoId;
    }

    public String reason() {
        return reason;
    }
}
