package cn.linli.access.web;

/**
 * The change-password form, a mutable bean because Spring's data binder and field errors work on bean properties.
 * Never rendered back into the page: a failed attempt shows empty fields.
 */
public class PasswordForm {

    private String currentPassword = "";
    private String newPassword = "";
    private String confirmPassword = "";

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }

    @Override
    public String toString() {
        return "PasswordForm[***]";
    }
}
