/**
 * Territory: the divisions of the city from county to grid, their codes and names with validity periods,
 * dated reorganisations, official code-list snapshots, boundaries and point location.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory")
package cn.linli.territory;
