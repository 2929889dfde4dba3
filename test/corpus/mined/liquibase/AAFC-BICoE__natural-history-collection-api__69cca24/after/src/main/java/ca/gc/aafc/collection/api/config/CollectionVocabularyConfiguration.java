package ca.gc.aafc.collection.api.config;

import java.util.List;
import java.util.Map;

import ca.gc.aafc.collection.api.entities.CollectionManagedAttribute;
import ca.gc.aafc.dina.vocabulary.VocabularyElementConfiguration;

import java.util.UUID;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.validation.annotation.Validated;

import ca.gc.aafc.dina.property.YamlPropertyLoaderFactory;
import ca.gc.aafc.dina.vocabulary.VocabularyConfiguration;

@Configuration
@PropertySource(value = "classpath:vocabulary/doe.yml", factory = YamlPropertyLoaderFactory.class)
@PropertySource(value = "classpath:vocabulary/srs.yml", factory = YamlPropertyLoaderFactory.class)
@PropertySource(value = "classpath:vocabulary/substrate.yml", factory = YamlPropertyLoaderFactory.class)
@PropertySource(value = "classpath:vocabulary/materialSampleState.yml", factory = YamlPropertyLoaderFactory.class)
@PropertySource(value = "classpath:vocabulary/materialSampleType.yml", factory = YamlPropertyLoaderFactory.class)
@PropertySource(value = "classpath:vocabulary/unitsOfMeasurement.yml", factory = YamlPropertyLoaderFactory.class)
@PropertySource(value = "classpath:vocabulary/protocolVocabulary.yml", factory = YamlPropertyLoaderFactory.class)
@PropertySource(value = "classpath:vocabulary/taxonomicRank.yml", factory = YamlPropertyLoaderFactory.class)
@PropertySource(value = "classpath:vocabulary/projectRole.yml", factory = YamlPropertyLoaderFactory.class)
@ConfigurationProperties
@Validated
public class CollectionVocabularyConfiguration
    extends VocabularyConfiguration<CollectionVocabularyConfiguration.CollectionVocabularyElement> {

  public static final String PROTOCOL_DATA_VOCAB_KEY = "protocolData";
  public static final String PROTOCOL_TYPE_VOCAB_KEY = "protocolType";
  public static final String TAXONOMIC_RANK_KEY = "taxonomicRank";
  public static final String PROJECT_ROLE_VOCAB_KEY = "projectRole";

  // Constant, by Liquibase migration
  public static final UUID MANAGED_ATTRIBUTE_VOCAB_UUID = UUID.fromString("01998155-a6f0-7c2f-9fcc-994d74222f9c");
  public static final UUID IDENTIFIER_TYPE_VOCAB_UUID = UUID.fromString("019c961e-4c0d-7398-b4ae-73687826b3b5");
  public static final UUID ASSOCIATION_TYPE_VOCAB_UUID = UUID.fromString("019cbf7f-b804-7aa5-b04d-b1deed0e7256");

  public enum DinaComponent {
    COLLECTING_EVENT,
    MATERIAL_SAMPLE,
    ORGANISM,
    DETERMINATION,
    PREPARATION,
    ASSEMBLAGE,
    SITE;

    public static CollectionManagedAttribute.ManagedAttributeComponent fromString(String s) {
      for (CollectionManagedAttribute.ManagedAttributeComponent source : CollectionManagedAttribute.ManagedAttributeComponent
          .values()) {
        if (source.name().equalsIgnoreCase(s)) {
          return source;
        }
      }
      return null;
    }
  }

  public CollectionVocabularyConfiguration(Map<String, List<CollectionVocabularyElement>> vocabulary) {
    super(vocabulary);
  }

  @NoArgsConstructor
  @Getter
  @Setter
  public static class CollectionVocabularyElement extends VocabularyElementConfiguration {
    private String inverseOf;
  }

  public List<CollectionVocabularyElement> getVocabularyByKey(String key) {
    return getVocabulary().get(key);
  }

}
