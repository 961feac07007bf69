/**
 * Open311 GeoReport v2: the standard interface through which residents' apps, FixMyStreet-like systems and the city's
 * other platforms list the published case categories, file requests and follow them. Requests go through casework's
 * intake like the front desk's; personal data never leaves through it.
 * <p>
 * The API: {@link cn.linli.open311.Open311Clients} (API keys of client applications: issued by administrators,
 * stored as hashes, revocable, writes limited per key and minute across the cluster) and
 * {@link cn.linli.open311.ServiceDefinitions} (the questions a category asks),
 * {@link cn.linli.open311.ServiceRequests} (files a client's request through casework's intake as the client, see
 * docs/decisions/0008) and {@link cn.linli.open311.RequestNotes} (clients' notes on requests). The HTTP interface is
 * {@code /open311/v2/}, every method in XML and JSON; city administrators manage keys at {@code /open311/clients}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open311",
        allowedDependencies = {"shared", "web", "access", "casework", "territory"})
package cn.linli.open311;
