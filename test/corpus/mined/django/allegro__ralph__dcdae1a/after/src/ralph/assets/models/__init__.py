from ralph.assets.models.assets import (
    Asset,
    AssetLastHostname,
    AssetModel,
    AssetHolder,
    BudgetInfo,
    BusinessSegment,
    Category,
    Environment,
    Manufacturer,
    ManufacturerKind,
    ProfitCenter,
    Service,
    ServiceEnvironment
)
from ralph.assets.models.base import BaseObject
from ralph.assets.models.choices import (
    AssetPurpose,
    AssetSource,
    ComponentType,
    ModelVisualizationLayout,
    ObjectModelType
)
from ralph.assets.models.components import (
    ComponentModel,
    Component,
    Disk,
    GenericComponent,
    Ethernet,
    Memory,
    FibreChannelCard,
    Processor
)
from ralph.assets.models.configuration import (
    ConfigurationClass,
    ConfigurationModule
)

__all__ = [
    'Asset',
    'AssetLastHostname',
    'AssetModel',
    'AssetHolder',
    'AssetPurpose',
    'AssetSource',
    'BudgetInfo',
    'BaseObject',
    'BusinessSegment',
    'Category',
    'Component',
    'ComponentModel',
    'ComponentType',
    'ConfigurationClass',
    'ConfigurationModule',
    'Disk',
    'Environment',
    'FibreChannelCard',
    'GenericComponent',
    'Manufacturer',
    'ManufacturerKind',
    'Memory',
    'ModelVisualizationLayout',
    'ObjectModelType',
    'ProfitCenter',
    'Processor',
    'Service',
    'ServiceEnvironment',
    'Ethernet',
]
