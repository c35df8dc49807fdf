package dev.cloudshop.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.cloudshop.testinfra.ServiceTest;

/**
 * The whole service on a random port, on a real PostgreSQL database, without Eureka. One
 * annotation, so that every test class shares one application context.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceTest
public @interface AuthServiceTest {

}
