package dev.cloudshop.notification;

import dev.cloudshop.testinfra.ServiceDefaultsContract;

/**
 * The running service honours the suite's defaults: readiness on its database, metrics,
 * problem details.
 */
@NotificationServiceTest
class NotificationServiceApplicationTests implements ServiceDefaultsContract {

}
