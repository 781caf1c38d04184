package vn.chibo.shared.web;

import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import vn.chibo.ChiboTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's variables go to the innermost request that the wrappers above it pass
 * attributes on to unchanged, and no further (docs/architecture.md, "Fast pages").
 */
@ChiboTest
class DirectAttributesViewTests {

	@Autowired
	ThymeleafViewResolver views;

	@Test
	void pagesAreRenderedByTheView() throws Exception {
		assertThat(views.resolveViewName("home/index", Locale.ROOT)).isInstanceOf(DirectAttributesView.class);
	}

	@Test
	void attributesSkipTheWrappersThatPassThemOn() {
		var base = new MockHttpServletRequest();
		var top = new HttpServletRequestWrapper(new HttpServletRequestWrapper(base));

		var direct = (DirectAttributesView.DirectAttributes) DirectAttributesView.DirectAttributes.of(top);

		assertThat(direct.target()).isSameAs(base);
		direct.setAttribute("row", "a");
		assertThat(top.getAttribute("row")).isEqualTo("a");
		base.setAttribute("_csrf", "token");
		assertThat(direct.getAttribute("_csrf")).isEqualTo("token");
		assertThat(Collections.list(direct.getAttributeNames())).contains("row", "_csrf");
		direct.removeAttribute("row");
		assertThat(base.getAttribute("row")).isNull();
		// the rest of the request is the outermost wrapper's
		assertThat(direct.getRequest()).isSameAs(top);
	}

	@Test
	void aWrapperThatKeepsAttributesOfItsOwnIsNotSkipped() {
		var base = new MockHttpServletRequest();
		var own = new Forwarded(base);
		var top = new HttpServletRequestWrapper(own);

		var direct = DirectAttributesView.DirectAttributes.of(top);

		assertThat(((DirectAttributesView.DirectAttributes) direct).target()).isSameAs(own);
		assertThat(direct.getAttribute("jakarta.servlet.forward.request_uri")).isEqualTo("/meetings");
		// nothing to skip: the request itself
		assertThat(DirectAttributesView.DirectAttributes.of(own)).isSameAs(own);
		assertThat(DirectAttributesView.DirectAttributes.of(base)).isSameAs(base);
	}

	/** A forward's request, answering some attributes itself. */
	static final class Forwarded extends HttpServletRequestWrapper {

		Forwarded(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			return name.startsWith("jakarta.servlet.forward.") ? "/meetings" : super.getAttribute(name);
		}

	}

}
