package vn.chibo.shared.replica;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page (a controller method, or every method of a controller) whose read-only
 * transactions may run on the read replica when one is configured: dashboards, lists,
 * reports, the public news. A page that reads in order to write (a check-in, a form) does
 * not carry it. Without {@code chibo.replica.url} it changes nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface ReplicaReads {

}
