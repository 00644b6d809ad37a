package dev.unibar.connectors.epbx.sim;

/** An account of the OAuth endpoint. {@code toString} leaves the password out. */
public record EpbxUser(String username, String password, String nome) {
    @Override
    public String toString() {
        return "EpbxUser[" + username + ", " + nome + "]";
    }
}
