package dev.cloudshop.servicedefaults.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A tiny service that depends on the defaults, as the suite's services do.
 */
@SpringBootApplication
public class SampleService {

}
