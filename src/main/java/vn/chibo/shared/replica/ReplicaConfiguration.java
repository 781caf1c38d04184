package vn.chibo.shared.replica;

import java.sql.Connection;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * With {@code chibo.replica.url} set, the application's data source takes its connection
 * only at the first statement, and a read-only transaction's from {@link ReplicaRouting};
 * everything else (every write, every transaction that may write, the schema's
 * migrations, the sessions) stays on the primary. Whether a replica is configured is read
 * at each start, not by a condition: a start from the build's ahead-of-time processed
 * configuration reads it then too (docs/operations.md, "A faster start").
 */
@Configuration(proxyBeanMethods = false)
@Import(ReplicaConfiguration.ReplicaBeans.class)
class ReplicaConfiguration implements WebMvcConfigurer {

	/** The primary's pool as the application configured it, before it is wrapped. */
	private static final String PRIMARY = "dataSource";

	private final ObjectProvider<Replica> replica;

	ReplicaConfiguration(ObjectProvider<Replica> replica) {
		this.replica = replica;
	}

	@Bean
	static BeanPostProcessor replicaRouting(ObjectProvider<Replica> replica) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!PRIMARY.equals(name) || !(bean instanceof DataSource primary)) {
					return bean;
				}
				var configured = replica.getIfAvailable();
				if (configured == null) {
					return bean;
				}
				var lazy = new LazyConnectionDataSourceProxy(primary);
				// Known without asking the server, so that no connection is taken now.
				lazy.setDefaultAutoCommit(true);
				lazy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
				lazy.setReadOnlyDataSource(new ReplicaRouting(primary, configured));
				return lazy;
			}
		};
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		if (replica.getIfAvailable() != null) {
			registry.addInterceptor(new ReplicaPages());
		}
	}

	/** The replica's beans, registered only when its address is configured. */
	static class ReplicaBeans implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment environment) {
			if (Binder.get(environment).bindOrCreate("chibo.replica", ReplicaProperties.class).url().isBlank()) {
				return;
			}
			// The routed data source: outside a read-only transaction it gives the
			// primary's connections; looked up at the replica's first look, once made.
			registry.registerBean("replica", Replica.class,
					(spec) -> spec.supplier((context) -> new Replica(context.bean(ReplicaProperties.class),
							context.beanProvider(DataSource.class), context.bean(MeterRegistry.class))));
			registry.registerBean("writtenPosition", WrittenPosition.class,
					(spec) -> spec.supplier((context) -> new WrittenPosition(context.bean(JdbcClient.class))));
			registry.registerBean("replicaHealthIndicator", ReplicaHealth.class,
					(spec) -> spec.supplier((context) -> new ReplicaHealth(context.bean(Replica.class))));
		}

	}

}
