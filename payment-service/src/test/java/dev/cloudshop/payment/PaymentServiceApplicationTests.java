package dev.cloudshop.payment;

import dev.cloudshop.testinfra.ServiceDefaultsContract;

/**
 * The running service honours the suite's defaults: readiness on its database, metrics,
 * problem details.
 */
@PaymentServiceTest
class PaymentServiceApplicationTests implements ServiceDefaultsContract {

}
