package vn.chibo.meeting.support;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.MeetingRecordChanged;

/**
 * Tells the other modules that a part of a meeting's record changed: the event is stored
 * with the change and delivered once it commits.
 */
@Component
public class RecordChanges {

	private final ApplicationEventPublisher events;

	RecordChanges(ApplicationEventPublisher events) {
		this.events = events;
	}

	public void changed(long committeeId, long meetingId, MeetingRecordChanged.Part part) {
		events.publishEvent(new MeetingRecordChanged(committeeId, meetingId, part));
	}

}
