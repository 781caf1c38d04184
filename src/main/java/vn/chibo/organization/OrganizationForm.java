package vn.chibo.organization;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** What the create and edit screens of an organisation bind. */
public class OrganizationForm {

	@NotBlank(message = "{org.code.required}")
	@Size(max = 30, message = "{org.code.size}")
	private @Nullable String code;

	@NotBlank(message = "{org.name.required}")
	@Size(max = 200, message = "{org.name.size}")
	private @Nullable String name;

	@NotNull(message = "{org.level.required}")
	private @Nullable OrgLevel level;

	private @Nullable Long parentId;

	@Size(max = 200, message = "{org.fieldOfWork.size}")
	private @Nullable String fieldOfWork;

	@DateTimeFormat(pattern = "dd/MM/yyyy")
	@PastOrPresent(message = "{org.foundedOn.past}")
	private @Nullable LocalDate foundedOn;

	private int version;

	public static OrganizationForm of(OrgNode node) {
		var form = new OrganizationForm();
		form.code = node.code();
		form.name = node.name();
		form.level = node.level();
		form.parentId = node.parentId();
		form.fieldOfWork = node.fieldOfWork();
		form.foundedOn = node.foundedOn();
		form.version = node.version();
		return form;
	}

	public @Nullable String getCode() {
		return code;
	}

	public void setCode(@Nullable String code) {
		this.code = code;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable OrgLevel getLevel() {
		return level;
	}

	public void setLevel(@Nullable OrgLevel level) {
		this.level = level;
	}

	public @Nullable Long getParentId() {
		return parentId;
	}

	public void setParentId(@Nullable Long parentId) {
		this.parentId = parentId;
	}

	public @Nullable String getFieldOfWork() {
		return fieldOfWork;
	}

	public void setFieldOfWork(@Nullable String fieldOfWork) {
		this.fieldOfWork = fieldOfWork;
	}

	public @Nullable LocalDate getFoundedOn() {
		return foundedOn;
	}

	public void setFoundedOn(@Nullable LocalDate foundedOn) {
		this.foundedOn = foundedOn;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
