package io.cdp.alerting.config;

import io.cdp.events.resources.CdpResources;

/** Queue names for the listeners' annotations ({@code #{@alertingQueues.requests()}}), from {@link CdpResources}. */
public record AlertingQueues(CdpResources names) {

    public String requests() {
        return names.queue(CdpResources.Queue.FRAUD_ALERTS);
    }

    public String smsReplies() {
        return names.queue(CdpResources.Queue.SMS_REPLIES);
    }
}
