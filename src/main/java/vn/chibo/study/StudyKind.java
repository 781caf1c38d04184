package vn.chibo.study;

/**
 * What a session studies: documents of the library (a resolution, directive…) or the
 * yearly topic of Chỉ thị 05-CT/TW, "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ
 * Chí Minh" (docs/domain.md §8).
 */
public enum StudyKind {

	RESOLUTION, TOPIC

}
