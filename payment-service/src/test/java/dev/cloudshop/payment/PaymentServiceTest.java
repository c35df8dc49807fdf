package dev.cloudshop.payment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.cloudshop.testinfra.ServiceTest;

import org.springframework.test.context.TestPropertySource;

/**
 * The whole service on a random port, on a real PostgreSQL database, without Eureka. One
 * annotation, so that every test class shares one application context; {@code tok_slow}
 * takes 300 ms instead of 5 s.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceTest
@TestPropertySource(properties = "payment.simulator.slow-token-delay=300ms")
public @interface PaymentServiceTest {

}
