package dev.cloudshop.order;

import dev.cloudshop.testinfra.ServiceDefaultsContract;

/**
 * The running service honours the suite's defaults: readiness on its database, metrics,
 * problem details.
 */
@OrderServiceTest
class OrderServiceApplicationTests implements ServiceDefaultsContract {

}
