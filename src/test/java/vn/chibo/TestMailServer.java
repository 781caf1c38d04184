package vn.chibo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * GreenMail, a real SMTP server inside the test JVM, on the port the test configuration
 * gives chibo (one a test JVM); tests read what arrived.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail greenMail(@Value("${spring.mail.port}") int port) {
		return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

}
