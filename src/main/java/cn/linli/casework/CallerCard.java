package cn.linli.casework;

/**
 * A resident as the front desk sees a caller: the name (masked for roles that do not serve residents in person), the
 * masked phone, and the household where they actually live (else their registered one), with its address, grid and
 * the building's point, so the desk can fill in the place of the request. The household fields are null for a
 * resident without a current household.
 */
public record CallerCard(long residentId, String name, boolean nameMasked, String maskedPhone, Long householdId, String address,
        Long gridId, Double lng, Double lat, int householdMembers) {
}
