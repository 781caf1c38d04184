package vn.chibo.meeting;

/** Topic groups of thematic meetings (docs/domain.md §5, quoting 12-HD/BTCTW). */
public enum TopicGroup {

	HO_CHI_MINH, CAPACITY, RESOLUTIONS, ANTI_DEGRADATION, PARTY_BUILDING, ANTI_CORRUPTION, OTHER

}
