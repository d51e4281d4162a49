package io.cdp.events.payload;

/** How the card was used (TabFormer's "Use Chip" column). */
public enum Channel {
    CHIP,
    SWIPE,
    ONLINE
}
