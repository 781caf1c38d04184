package vn.chibo.news.backup;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.chibo.shared.backup.BackedUpFolder;
import vn.chibo.news.support.NewsProperties;

/** The news pictures are kept in a folder: every backup takes it (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
class NewsBackup {

	@Bean
	BackedUpFolder newsPictures(NewsProperties properties) {
		return new BackedUpFolder("news-images", Path.of(properties.imageDir()));
	}

}
