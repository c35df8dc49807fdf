package dev.cloudshop.testinfra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * A whole service on a random port, on a real PostgreSQL database, without Eureka, with a
 * {@code RestTestClient} to call it. Each service has its own annotation meta-annotated
 * with this one (such as {@code @PaymentServiceTest}) that adds what only it needs, so
 * that its test classes share one application context.
 */
@Documented
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@AutoConfigureRestTestClient
@Import(RealPostgres.class)
public @interface ServiceTest {

}
