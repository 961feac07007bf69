package cn.linli.access.web;

/**
 * The create-account form, a mutable bean because Spring's data binder and field errors work on bean properties. The
 * units are typed one per line (a code or an exact name); an empty password asks for a generated one. The password is
 * never rendered back into the page.
 */
public class AccountForm {

    private String username = "";
    private String displayName = "";
    private String role = "";
    private String units = "";
    private String password = "";

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getUnits() {
        return units;
    }

    public void setUnits(String units) {
        this.units = units;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
