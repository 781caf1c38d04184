package vn.chibo.meeting;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the other modules that a part of a meeting's record changed: the event is stored
 * with the change and delivered once it commits.
 */
@Component
class RecordChanges {

	private final ApplicationEventPublisher events;

	RecordChanges(ApplicationEventPublisher events) {
		this.events = events;
	}

	void changed(long committeeId, long meetingId, MeetingRecordChanged.Part part) {
		events.publishEvent(new MeetingRecordChanged(committeeId, meetingId, part));
	}

}
