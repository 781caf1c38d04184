package vn.chibo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * GreenMail, a real SMTP server inside the test JVM, on the port the test configuration
 * gives chibo; tests read what arrived.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

	public static final int PORT = 33025;

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail greenMail() {
		return new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

}
