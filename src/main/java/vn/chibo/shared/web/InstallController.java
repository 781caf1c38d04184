package vn.chibo.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * chibo on a phone's home screen: the web app manifest, the service worker (served from
 * the root so that it looks after every page) and the page shown when there is no
 * connection.
 */
@Controller
class InstallController {

	private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

	private static final MediaType MANIFEST = new MediaType("application", "manifest+json", StandardCharsets.UTF_8);

	private final MessageSource messages;

	private final byte[] worker;

	InstallController(MessageSource messages) throws IOException {
		this.messages = messages;
		this.worker = new ClassPathResource("static/js/sw.js").getContentAsByteArray();
	}

	@GetMapping("/manifest.webmanifest")
	ResponseEntity<Map<String, Object>> manifest(Locale locale) {
		return ResponseEntity.ok()
			.contentType(MANIFEST)
			.cacheControl(CacheControl.noCache())
			.body(Map.of("name", messages.getMessage("install.name", null, locale), "short_name", "chibo",
					"description", messages.getMessage("install.description", null, locale), "lang",
					locale.getLanguage(), "start_url", "/", "scope", "/", "display", "standalone", "theme_color",
					"#a50e1c", "background_color", "#ffffff", "icons", List.of(icon(192), icon(512))));
	}

	private static Map<String, String> icon(int size) {
		return Map.of("src", "/assets/icons/icon-" + size + ".png", "sizes", size + "x" + size, "type", "image/png",
				"purpose", "any maskable");
	}

	/**
	 * The worker is checked for a new version at each visit (no-cache), as browsers do.
	 */
	@GetMapping("/sw.js")
	ResponseEntity<byte[]> worker() {
		return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).body(worker);
	}

	@GetMapping("/offline")
	String offline() {
		return "offline";
	}

}
