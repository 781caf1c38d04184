package vn.chibo.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where chibo is reached ({@code chibo.base-url}): the links in its mails and feeds start
 * with it.
 *
 * @param baseUrl the address users open, without a trailing slash
 */
@ConfigurationProperties("chibo")
public record SiteProperties(@DefaultValue("http://localhost:8080") String baseUrl) {

	public SiteProperties {
		baseUrl = baseUrl.replaceAll("/+$", "");
	}

}
