package dev.cloudshop.payment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.cloudshop.testinfra.RealPostgres;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random port, on a real PostgreSQL database, without Eureka. One
 * annotation, so that every test class shares one application context; {@code tok_slow}
 * takes 300 ms instead of 5 s.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "payment.simulator.slow-token-delay=300ms" })
@AutoConfigureRestTestClient
@Import(RealPostgres.class)
public @interface PaymentServiceTest {

}
