package vn.chibo.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo committee's settings ({@code chibo.demo.*}): whether it is loaded ("auto":
 * when no database is configured), and the synthetic data the benchmarks add beside it.
 *
 * @param enabled "auto", "true" or "false"
 * @param syntheticMembers generated members added to the demo committee (0: none)
 * @param syntheticBranches the branches they are spread over
 * @param syntheticAccounts whether each generated member gets an account
 * @param syntheticDocuments generated library documents (0: none)
 * @param syntheticCommittees generated committees under the demo's superior (0: none)
 * @param syntheticCommitteeBranches branches of each generated committee
 * @param syntheticBranchMembers members of each of their branches
 * @param syntheticMonths months of meetings generated for them
 * @param syntheticMeetingMonths months of meetings generated for the demo committee's
 * generated branches, with their attendance (0: none)
 */
@ConfigurationProperties("chibo.demo")
public record DemoProperties(@DefaultValue("auto") String enabled, @DefaultValue("0") int syntheticMembers,
		@DefaultValue("50") int syntheticBranches, @DefaultValue("false") boolean syntheticAccounts,
		@DefaultValue("0") int syntheticDocuments, @DefaultValue("0") int syntheticCommittees,
		@DefaultValue("20") int syntheticCommitteeBranches, @DefaultValue("25") int syntheticBranchMembers,
		@DefaultValue("60") int syntheticMonths, @DefaultValue("0") int syntheticMeetingMonths) {

}
