package vn.chibo.recognition;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The prize decision of a contest: its number and date, and the prize of each entry given
 * one.
 */
public class PrizeForm {

	@Size(max = 60, message = "{recognition.text.size}")
	private @Nullable String decisionNo;

	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate decidedOn;

	private Map<Long, ContestPrize> prizes = new LinkedHashMap<>();

	public @Nullable String getDecisionNo() {
		return decisionNo;
	}

	public void setDecisionNo(@Nullable String decisionNo) {
		this.decisionNo = decisionNo;
	}

	public @Nullable LocalDate getDecidedOn() {
		return decidedOn;
	}

	public void setDecidedOn(@Nullable LocalDate decidedOn) {
		this.decidedOn = decidedOn;
	}

	public Map<Long, ContestPrize> getPrizes() {
		return prizes;
	}

	public void setPrizes(@Nullable Map<Long, ContestPrize> prizes) {
		this.prizes = (prizes != null) ? prizes : new LinkedHashMap<>();
	}

}
