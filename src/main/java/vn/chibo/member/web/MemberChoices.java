package vn.chibo.member.web;

import java.util.List;

import vn.chibo.member.AgeBand;
import vn.chibo.member.Gender;
import vn.chibo.member.MemberStatus;
import vn.chibo.member.Post;
import vn.chibo.member.TheoryLevel;
import vn.chibo.member.TransferKind;

/** The fixed choices of the member screens' select lists, built once. */
public record MemberChoices(List<MemberStatus> statuses, List<TheoryLevel> theoryLevels, List<Gender> genders,
		List<AgeBand> ageBands, List<Post> posts, List<TransferKind> transferKinds,
		List<MemberStatus> leavingStatuses) {

	static final MemberChoices INSTANCE = new MemberChoices(List.of(MemberStatus.values()),
			List.of(TheoryLevel.values()), List.of(Gender.values()), List.of(AgeBand.values()), List.of(Post.values()),
			List.of(TransferKind.values()), MemberStatus.LEAVING.stream().sorted().toList());

}
