package dev.unibar.connectors.epbx.sim;

/**
 * The hub's refusal texts. Only {@link #ERR_NOT_LOGGED} is the vendor's own (its JS adapter matches it
 * and logs the extension in again); the others are the simulator's Portuguese (docs/simulators/epbx.md).
 */
public final class HubTexts {

    private HubTexts() {
    }

    /** integracaomanager app/epbxManagerConnection.js matches this text. */
    public static final String ERR_NOT_LOGGED = "Ramal não logado no Atendimento";
    public static final String ERR_ALREADY_LOGGED = "Ramal já está logado";
    public static final String ERR_UNKNOWN_DEVICE = "Ramal não encontrado";
    public static final String ERR_TIPO_LOGON = "Tipo de logon inválido";
    public static final String ERR_NUMERO = "Número inválido";
    public static final String ERR_TIPO_DISCAGEM = "Tipo de discagem inválido";
    public static final String ERR_BUSY = "Ramal já possui uma chamada em curso";
    public static final String ERR_INTERVAL_NO_DIAL = "Ramal em intervalo não permite discar";
    public static final String ERR_NO_CALL = "Nenhuma chamada ativa";
    public static final String ERR_ALREADY_HELD = "Chamada já está em espera";
    public static final String ERR_NOT_HELD = "Nenhuma chamada em espera";
    public static final String ERR_CONSULT_OPEN = "Encerre a consulta antes de retomar a chamada";
    public static final String ERR_CONSULT_EXISTS = "Já existe uma consulta em andamento";
    public static final String ERR_NO_CONSULT = "Nenhuma consulta em andamento";
    public static final String ERR_CONSULT_NOT_ANSWERED = "Consulta ainda não atendida";
    public static final String ERR_CONF_STARTED = "Conferência já iniciada";
    public static final String ERR_NO_CONF = "Nenhuma conferência em andamento";
    public static final String ERR_NO_PARTICIPANT = "Nenhum participante adicionado à conferência";
    public static final String ERR_UNKNOWN_INTERVAL = "Intervalo não encontrado";
    public static final String ERR_LOGOFF_IN_CALL = "Não é possível deslogar com chamada em curso";
    public static final String ERR_NOT_IN_QUEUE = "Chamada não encontrada na fila";
    public static final String ERR_NO_SUCH_CALL = "Chamada não encontrada";
    public static final String ERR_NOTHING_TO_PICK = "Nenhuma chamada para capturar";
    public static final String ERR_NOT_PARTICIPANT = "Participante não encontrado na conferência";
}
