package org.drpwarehouse.ingestion;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.explore.support.JobExplorerFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Spring Batch job repository: embedded H2 in the warehouse's {@code _system} folder by default
 * (so a restart after a crash finds the interrupted run), or any JDBC database by configuration
 * (PostgreSQL in production). The Spring Batch schema is created on first use.
 */
public final class JobRepositories implements AutoCloseable {
  private final DataSource dataSource;
  private final PlatformTransactionManager transactions;
  private final JobRepository repository;
  private final JobExplorer explorer;

  private JobRepositories(DataSource dataSource) {
    this.dataSource = dataSource;
    this.transactions = new DataSourceTransactionManager(dataSource);
    initialiseSchema(dataSource);
    try {
      JobRepositoryFactoryBean factory = new JobRepositoryFactoryBean();
      factory.setDataSource(dataSource);
      factory.setTransactionManager(transactions);
      factory.afterPropertiesSet();
      this.repository = factory.getObject();
      JobExplorerFactoryBean explorerFactory = new JobExplorerFactoryBean();
      explorerFactory.setDataSource(dataSource);
      explorerFactory.setTransactionManager(transactions);
      explorerFactory.afterPropertiesSet();
      this.explorer = explorerFactory.getObject();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot open the Spring Batch job repository", e);
    }
  }

  /** The embedded H2 repository of a local warehouse. */
  public static JobRepositories embedded(URI warehouse) {
    Path file = Path.of(warehouse).resolve("_system").resolve("jobrepo");
    return jdbc("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE", "sa", "");
  }

  /**
   * A repository in any JDBC database Spring Batch supports (H2, PostgreSQL, ...). Connections are
   * pooled: an embedded H2 database closes its file whenever its last connection closes, and a run
   * touches the repository thousands of times.
   */
  public static JobRepositories jdbc(String url, String user, String password) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url);
    dataSource.setUsername(user);
    dataSource.setPassword(password);
    dataSource.setMaximumPoolSize(4);
    dataSource.setMinimumIdle(1);
    dataSource.setPoolName("drp-job-repository");
    return new JobRepositories(dataSource);
  }

  /** Closes the pool, which lets an embedded database close its file for the next process. */
  @Override
  public void close() {
    if (dataSource instanceof HikariDataSource pool) {
      pool.close();
    }
  }

  private static void initialiseSchema(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
      // Only this connection's schema counts: another schema's Spring Batch tables are not ours.
      try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
        while (tables.next()) {
          if (tables.getString("TABLE_NAME").equalsIgnoreCase("BATCH_JOB_INSTANCE")) {
            return;
          }
        }
      }
      String script = product.contains("postgres") ? "schema-postgresql.sql" : "schema-h2.sql";
      new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/" + script)).populate(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot prepare the Spring Batch job repository schema", e);
    }
  }

  public JobRepository repository() {
    return repository;
  }

  public JobExplorer explorer() {
    return explorer;
  }

  public PlatformTransactionManager transactions() {
    return transactions;
  }

  public DataSource dataSource() {
    return dataSource;
  }
}
