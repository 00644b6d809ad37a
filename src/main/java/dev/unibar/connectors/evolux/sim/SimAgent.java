package dev.unibar.connectors.evolux.sim;

/** The agent logged in to the simulated Evolux (the seed's João, login {@code joao}, extension 700). */
public record SimAgent(int id, String name, String login, int extension, String email) {

    public static SimAgent seed() {
        return new SimAgent(1, "João", "joao", 700, "");
    }
}
