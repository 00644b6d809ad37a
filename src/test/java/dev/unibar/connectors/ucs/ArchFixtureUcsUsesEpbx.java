package dev.unibar.connectors.ucs;

/** Breaks a rule on purpose (ArchitectureRulesCanFailTest): one vendor's folder using another's. */
final class ArchFixtureUcsUsesEpbx {
    dev.unibar.connectors.epbx.EpbxMapper mapper;
}
