package vn.chibo.shared.replica;

import java.sql.Connection;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * With {@code chibo.replica.url} set, the application's data source takes its connection
 * only at the first statement, and a read-only transaction's from {@link ReplicaRouting};
 * everything else (every write, every transaction that may write, the schema's
 * migrations, the sessions) stays on the primary.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${chibo.replica.url:}'.isBlank()")
class ReplicaConfiguration implements WebMvcConfigurer {

	/** The primary's pool as the application configured it, before it is wrapped. */
	private static final String PRIMARY = "dataSource";

	@Bean
	Replica replica(ReplicaProperties properties, @Lazy DataSource dataSource, MeterRegistry meters) {
		// The routed data source: outside a read-only transaction it gives the primary's
		// connections.
		return new Replica(properties, dataSource, meters);
	}

	@Bean
	static BeanPostProcessor replicaRouting(ObjectProvider<Replica> replica) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!PRIMARY.equals(name) || !(bean instanceof DataSource primary)) {
					return bean;
				}
				var lazy = new LazyConnectionDataSourceProxy(primary);
				// Known without asking the server, so that no connection is taken now.
				lazy.setDefaultAutoCommit(true);
				lazy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
				lazy.setReadOnlyDataSource(new ReplicaRouting(primary, replica.getObject()));
				return lazy;
			}
		};
	}

	@Bean
	WrittenPosition writtenPosition(JdbcClient jdbc) {
		return new WrittenPosition(jdbc);
	}

	@Bean
	ReplicaHealth replicaHealthIndicator(Replica replica) {
		return new ReplicaHealth(replica);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ReplicaPages());
	}

}
