package se.clientfunds.bank.mt940;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Mt940InformationTest {

    @Test
    void germanSubfieldsGiveCodeCounterpartyAndSepaIdentifiers() {
        // given
        String text = """
                171?00SEPA LASTSCHRIFT KUNDE?10281?20EREF+TRX-0A4A47C3-F846-4729?21-8A1B-5DF620F?22MREF+CAC97D2144174318AC18D9\
                ?23BF815BD4FB?24CRED+DE98ZZZ09999999999?25SVWZ+FOO TRX-0A4A47C3-F84?266-4729-8A1B-5DF620F?30HYVEDEMMXXX\
                ?31HUkkbbbsssskcccccccccccccccx?32Peter Pan?34171""";

        // when
        Mt940Information information = Mt940Information.parse(text);

        // then
        assertThat(information).isEqualTo(new Mt940Information("171", "SEPA LASTSCHRIFT KUNDE",
                "TRX-0A4A47C3-F846-4729-8A1B-5DF620F", "Peter Pan", "HUkkbbbsssskcccccccccccccccx", "HYVEDEMMXXX",
                "FOO TRX-0A4A47C3-F846-4729-8A1B-5DF620F", null));
    }

    @Test
    void lineBreaksInsideSubfieldsAreTheBanksWrappingNotText() {
        // given
        String text = "166?00GUTSCHRIFT?100399?20EREF+EndToEndId TFNR 22 004?21 00001?22\n"
                + "SVWZ+Verw CTSc-01 BC-PPP TF?23Nr 22 004?30DRESDEFF508?31DE1450880\n"
                + "0500194785000?32KARL?33        KAUFMANN?70Empfaenger Marta Metzge\nr";

        // when
        Mt940Information information = Mt940Information.parse(text);

        // then
        assertThat(information.endToEndId()).isEqualTo("EndToEndId TFNR 22 004 00001");
        assertThat(information.remittanceText()).isEqualTo("Verw CTSc-01 BC-PPP TFNr 22 004");
        assertThat(information.counterpartyAccount()).isEqualTo("DE14508800500194785000");
        assertThat(information.counterpartyName()).isEqualTo("KARL        KAUFMANN");
    }

    @Test
    void triodosWritesTheGermanLayoutWithAngleBrackets() {
        // given
        String text = "000>100987654321\n>20ALGEMENE TUSSENREKENING KOS>21TEN VAN 01-10-2010 TOT EN M\n"
                + ">22ET 31-12-2010>310390123456";

        // when
        Mt940Information information = Mt940Information.parse(text);

        // then
        assertThat(information.transactionCode()).isEqualTo("000");
        assertThat(information.remittanceText()).isEqualTo("ALGEMENE TUSSENREKENING KOSTEN VAN 01-10-2010 TOT EN MET 31-12-2010");
        assertThat(information.counterpartyAccount()).isEqualTo("0390123456");
        assertThat(information.endToEndId()).isNull();
    }

    @Test
    void dutchKeywordsGiveEndToEndIdNameAndRemittance() {
        // given
        String text = "/EREF/01-01-2013 12:00 0030000987654321/BENM//NAME/CONTRA ACCOUN\nT HOLDER/REMI//ISDT/2013-07-11";

        // when
        Mt940Information information = Mt940Information.parse(text);

        // then
        assertThat(information.endToEndId()).isEqualTo("01-01-2013 12:00 0030000987654321");
        assertThat(information.counterpartyName()).isEqualTo("CONTRA ACCOUNT HOLDER");
        assertThat(information.remittanceText()).isNull();
    }

    @Test
    void ingCounterpartyFieldGivesAccountBankAndName() {
        // given
        String text = "/TRTP/SEPA OVERBOEKING/IBAN/NL08INGB0000000555/BIC/INGBNL2A/NAME/J DOE/REMI/USTD//Invoice 2013-001/"
                + "EREF/NOTPROVIDED";

        // when
        Mt940Information information = Mt940Information.parse(text);

        // then
        assertThat(information.counterpartyAccount()).isEqualTo("NL08INGB0000000555");
        assertThat(information.counterpartyBank()).isEqualTo("INGBNL2A");
        assertThat(information.counterpartyName()).isEqualTo("J DOE");
        assertThat(information.remittanceText()).isEqualTo("Invoice 2013-001");
        assertThat(information.endToEndId()).as("NOTPROVIDED is no id").isNull();
    }

    @Test
    void aStructuredCreditorReferenceIsKept() {
        // given
        String text = "/TRTP/SEPA OVERBOEKING/IBAN/NL08INGB0000000555/BIC/INGBNL2A/NAME/J DOE/REMI/STRD/CUR/"
                + "CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/RF18539007547034/EREF/E2E-9";

        // when
        Mt940Information information = Mt940Information.parse(text);

        // then
        assertThat(information.creditorReference()).isEqualTo("RF18539007547034");
        assertThat(information.remittanceText()).isNull();
        assertThat(information.endToEndId()).isEqualTo("E2E-9");
        assertThat(information.counterpartyName()).isEqualTo("J DOE");
    }

    @Test
    void freeTextIsKeptWholeAsRemittanceWithLinesJoinedBySpaces() {
        // when
        Mt940Information information = Mt940Information.parse(
                "HIER EEN MOOIE OMSCHRIJVING IN HOOFDLETTERS\nWANT DAT IS ZOALS DE NEDERLANDSE BANKEN COMMUNICEREN");

        // then
        assertThat(information).isEqualTo(new Mt940Information(null, null, null, null, null, null,
                "HIER EEN MOOIE OMSCHRIJVING IN HOOFDLETTERS WANT DAT IS ZOALS DE NEDERLANDSE BANKEN COMMUNICEREN", null));
    }

    @Test
    void anEmptyFieldHasNothing() {
        // when / then
        assertThat(Mt940Information.parse("")).isEqualTo(Mt940Information.NONE);
        assertThat(Mt940Information.parse(" \n ")).isEqualTo(Mt940Information.NONE);
    }
}
