package dev.cloudshop.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChaosActionTests {

	@Test
	void readsEveryActionAsTheCommandLineWritesIt() {
		assertThat(ChaosAction.parse("kill")).isEqualTo(ChaosAction.KILL);
		assertThat(ChaosAction.parse("stop")).isEqualTo(ChaosAction.STOP);
		assertThat(ChaosAction.parse("pause")).isEqualTo(ChaosAction.PAUSE);
		assertThat(ChaosAction.parse("resume")).isEqualTo(ChaosAction.RESUME);
		assertThat(ChaosAction.parse("start")).isEqualTo(ChaosAction.START);
		assertThat(ChaosAction.parse("restart")).isEqualTo(ChaosAction.RESTART);
	}

	@Test
	void refusesAnUnknownActionNamingTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChaosAction.parse("KILL"))
			.withMessage("Unknown action 'KILL'; the actions are kill, stop, pause, resume, start, restart");
		assertThatIllegalArgumentException().isThrownBy(() -> ChaosAction.parse("nuke"))
			.withMessageContaining("the actions are kill, stop");
	}

}
