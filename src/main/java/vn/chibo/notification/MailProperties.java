package vn.chibo.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mail chibo sends ({@code chibo.mail.*}); the SMTP server itself is Spring's
 * {@code spring.mail.*}.
 *
 * @param from the sender's address
 */
@ConfigurationProperties("chibo.mail")
public record MailProperties(@DefaultValue("chibo@localhost") String from) {

}
