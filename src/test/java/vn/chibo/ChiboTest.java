package vn.chibo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on a real PostgreSQL with the demo committee loaded, on a random
 * port. Every test class carrying it shares one application context. Tagged
 * "application": {@code mvn verify -DexcludedGroups=application} runs the tests of pure
 * rules alone, in seconds. Browser test classes share it side by side, every other class
 * has it alone ({@link SharedApplication}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({ TestMailServer.class, DemoUsers.class, Fixtures.class })
@Tag("application")
@ResourceLock(providers = SharedApplication.class)
public @interface ChiboTest {

}
