package ca.gc.aafc.collection.api.service;

import org.apache.commons.collections4.CollectionUtils;
import org.apache.commons.collections4.MapUtils;
import org.springframework.stereotype.Service;
import org.springframework.validation.SmartValidator;

import com.fasterxml.jackson.core.JsonProcessingException;

import ca.gc.aafc.collection.api.dao.CollectionHierarchicalDataDAO;
import ca.gc.aafc.collection.api.dto.MaterialSampleDto;
import ca.gc.aafc.collection.api.entities.ImmutableMaterialSample;
import ca.gc.aafc.collection.api.entities.MaterialSample;
import ca.gc.aafc.collection.api.entities.Organism;
import ca.gc.aafc.collection.api.util.ScientificNameUtils;
import ca.gc.aafc.collection.api.validation.CollectionManagedAttributeValueValidatorMaterialSample;
import ca.gc.aafc.collection.api.validation.CollectionManagedAttributeValueValidatorPreparation;
import ca.gc.aafc.collection.api.validation.MaterialSampleExtensionValueValidator;
import ca.gc.aafc.collection.api.validation.MaterialSampleIdentifierTypeValueValidator;
import ca.gc.aafc.collection.api.validation.MaterialSampleValidator;
import ca.gc.aafc.collection.api.validation.RestrictionExtensionValueValidator;
import ca.gc.aafc.dina.extension.FieldExtensionValue;
import ca.gc.aafc.dina.jpa.BaseDAO;
import ca.gc.aafc.dina.messaging.DinaEventPublisher;
import ca.gc.aafc.dina.messaging.EntityChanged;
import ca.gc.aafc.dina.service.MessageProducingService;
import ca.gc.aafc.dina.util.UUIDHelper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.NonNull;
import lombok.extern.log4j.Log4j2;

@Service
@Log4j2
public class MaterialSampleService extends MessageProducingService<MaterialSample> {

  private final MaterialSampleValidator materialSampleValidator;

  private final CollectionManagedAttributeValueValidatorMaterialSample
    managedAttributeValueValidatorMaterialSample;

  private final CollectionManagedAttributeValueValidatorPreparation
    managedAttributeValueValidatorPreparation;

  private final CollectionHierarchicalDataDAO hierarchicalDataService;
  private final OrganismService organismService;

  private final MaterialSampleIdentifierTypeValueValidator identifierTypeValueValidator;
  private final MaterialSampleExtensionValueValidator materialSampleExtensionValueValidator;
  private final RestrictionExtensionValueValidator restrictionExtensionValueValidator;

  public MaterialSampleService(
    @NonNull BaseDAO baseDAO,
    @NonNull SmartValidator sv,
    @NonNull MaterialSampleValidator materialSampleValidator,
    @NonNull CollectionManagedAttributeValueValidatorMaterialSample managedAttributeValueValidatorMaterialSample,
    CollectionManagedAttributeValueValidatorPreparation managedAttributeValueValidatorPreparation,
    @NonNull CollectionHierarchicalDataDAO hierarchicalDataService,
    @NonNull MaterialSampleExtensionValueValidator materialSampleExtensionValueValidator,
    @NonNull RestrictionExtensionValueValidator restrictionExtensionValueValidator,
    MaterialSampleIdentifierTypeValueValidator identifierTypeValueValidator,
    OrganismService organismService,
    DinaEventPublisher<EntityChanged> eventPublisher
  ) {
    super(baseDAO, sv, MaterialSampleDto.TYPENAME, eventPublisher);
    this.materialSampleValidator = materialSampleValidator;
    this.managedAttributeValueValidatorMaterialSample = managedAttributeValueValidatorMaterialSample;
    this.managedAttributeValueValidatorPreparation = managedAttributeValueValidatorPreparation;

    this.hierarchicalDataService = hierarchicalDataService;
    this.organismService = organismService;

    this.materialSampleExtensionValueValidator = materialSampleExtensionValueValidator;
    this.restrictionExtensionValueValidator = restrictionExtensionValueValidator;
    this.identifierTypeValueValidator = identifierTypeValueValidator;
  }

  @Override
  public MaterialSample handleOptionalFields(MaterialSample entity, Map<String, List<String>> optionalFields) {

    if (MapUtils.isEmpty(optionalFields)) {
      return entity;
    }

    List<String> matSampleOptFields = optionalFields.getOrDefault(MaterialSampleDto.TYPENAME, List.of());
    if (matSampleOptFields.contains(MaterialSample.HIERARCHY_PROP_NAME)) {
      try {
        setHierarchy(entity);
      } catch (JsonProcessingException e) {
        throw new RuntimeException(e);
      }
    }

    // We can't fetch join materialSampleChildren without getting duplicates since it's a read-only list and we can't use the OrderColumn
    if (matSampleOptFields.contains(MaterialSample.CHILDREN_COL_NAME)) {
      setChildrenOrdinal(entity);
    }

    return entity;
  }

  @Override
  public void augmentEntity(MaterialSample ms, Set<String> relationships) {
    if (relationships.contains(MaterialSample.ORGANISM_PROP_NAME)) {
      setTargetOrganismPrimaryScientificName(ms);
      setTargetOrganismPrimaryTypeStatus(ms);
      setEffectiveScientificName(ms);
      setOrganismClassification(ms);
    }
  }

  public void setHierarchy(MaterialSample sample) throws JsonProcessingException {
    sample.setHierarchy(hierarchicalDataService.getHierarchy(sample.getId()));
  }

  public void setChildrenOrdinal(MaterialSample sample) {
    if (sample.getMaterialSampleChildren() == null) {
      return;
    }

    List<ImmutableMaterialSample> sortedChildren = sample.getMaterialSampleChildren().stream()
            .sorted(Comparator.comparingInt(ImmutableMaterialSample::getId)).toList();

    for (int i = 0; i < sortedChildren.size(); i++) {
      sortedChildren.get(i).setOrdinal(i);
    }
  }

  public void setTargetOrganismPrimaryScientificName(MaterialSample sample) {

    if (CollectionUtils.isEmpty(sample.getOrganism())) {
      return;
    }
    String s = ScientificNameUtils.extractTargetOrganismPrimaryScientificName(sample.getOrganism());
    sample.setTargetOrganismPrimaryScientificName(s);
  }

  public void setTargetOrganismPrimaryTypeStatus(MaterialSample sample) {
    if (CollectionUtils.isEmpty(sample.getOrganism())) {
      return;
    }

    List<Organism> targetOrganisms = ScientificNameUtils.extractTargetOrganisms(sample.getOrganism());

    if (targetOrganisms.size() == 1) {
      sample.setTargetOrganismPrimaryTypeStatus(targetOrganisms.getFirst().getPrimaryDetermination().getTypeStatus());
    } else {
      log.debug("Multiple target organisms found, targetOrganismPrimaryTypeStatus won't be set");
    }
  }

  public void setOrganismClassification(MaterialSample sample) {

    if (CollectionUtils.isEmpty(sample.getOrganism())) {
      return;
    }

    List<Organism> targetOrganisms = ScientificNameUtils.extractTargetOrganisms(sample.getOrganism());

    if (targetOrganisms.size() == 1) {
      sample.setTargetOrganismPrimaryClassification(
        organismService.extractClassification(targetOrganisms.getFirst()
          .getPrimaryDetermination()));
    } else {
      log.debug("Multiple target organisms found, targetOrganismPrimaryClassification won't be set");
    }
  }

  public void setEffectiveScientificName(MaterialSample sample) {

    if (CollectionUtils.isEmpty(sample.getHierarchy())) {
      return;
    }

    sample.setEffectiveScientificName(
      ScientificNameUtils.extractEffectiveScientificName(sample.getHierarchy())
    );
  }

  @Override
  protected void preCreate(MaterialSample entity) {
    entity.setUuid(UUIDHelper.generateUUIDv7());
    entity.setGroup(standardizeGroupName(entity));
  }

  @Override
  public void validateBusinessRules(MaterialSample entity) {
    applyBusinessRule(entity, materialSampleValidator);
    validateManagedAttribute(entity);
    validateExtensionValues(entity);
    
    identifierTypeValueValidator.validate(entity, entity.getIdentifiers());
  }

  private void validateManagedAttribute(MaterialSample entity) {
    managedAttributeValueValidatorMaterialSample.validate(entity, entity.getManagedAttributes());
    managedAttributeValueValidatorPreparation.validate(entity, entity.getPreparationManagedAttributes());
  }

  private void validateExtensionValues(@NonNull MaterialSample entity) {

    if (MapUtils.isNotEmpty(entity.getExtensionValues())) {
      for (String currExt : entity.getExtensionValues().keySet()) {
        entity.getExtensionValues().get(currExt).forEach((k, v) -> applyBusinessRule(
          entity.getUuid().toString(),
          FieldExtensionValue.builder().extKey(currExt).extFieldKey(k).value(v).build(),
          materialSampleExtensionValueValidator
        ));
      }
    }

    if (MapUtils.isNotEmpty(entity.getRestrictionFieldsExtension())) {
      for (String currExt : entity.getRestrictionFieldsExtension().keySet()) {
        entity.getRestrictionFieldsExtension().get(currExt).forEach((k, v) -> applyBusinessRule(
          entity.getUuid().toString(),
          FieldExtensionValue.builder().extKey(currExt).extFieldKey(k).value(v).build(),
          restrictionExtensionValueValidator
        ));
      }
    }
  }

  @Override
  public MaterialSample create(MaterialSample entity) {
    MaterialSample sample = super.create(entity);
    return detachParent(sample);
  }

  @Override
  public MaterialSample update(MaterialSample entity) {
    MaterialSample sample = super.update(entity);
    return detachParent(sample);
  }

  /**
   * Detaches the parent to make sure it reloads its children list
   *
   * @param sample
   * @return
   */
  private MaterialSample detachParent(MaterialSample sample) {
    if (sample.getParentMaterialSample() != null) {
      detach(sample.getParentMaterialSample());
    }
    return sample;
  }
}
