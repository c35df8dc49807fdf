package dev.cloudshop.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.cloudshop.testinfra.RealKafka;
import dev.cloudshop.testinfra.ServiceTest;

import org.springframework.context.annotation.Import;

/**
 * The whole service on a random port, on a real PostgreSQL database, a real Kafka broker
 * and a real SMTP server, without Eureka. One annotation, so that every test class shares
 * one application context.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceTest
@Import({ RealKafka.class, RealSmtp.class })
public @interface NotificationServiceTest {

}
