from ralph.data_center.models.choices import (
    ConnectionType,
    DataCenterAssetStatus,
    Orientation,
    RackOrientation,
)
from ralph.data_center.models.components import (
    DiskShare,
    DiskShareMount,
)
from ralph.data_center.models.hosts import DCHost
from ralph.data_center.models.physical import (
    Accessory,
    Connection,
    DataCenter,
    DataCenterAsset,
    Gap,
    Rack,
    RackAccessory,
    ServerRoom,
)
from ralph.data_center.models.virtual import (
    BaseObjectCluster,
    Cluster,
    ClusterStatus,
    ClusterType,
    Database,
    VIP,
    VIPProtocol,
)

__all__ = [
    'Accessory',
    'BaseObjectCluster',
    'Connection',
    'ConnectionType',
    'Cluster',
    'ClusterStatus',
    'ClusterType',
    'Database',
    'DataCenter',
    'DataCenterAsset',
    'DataCenterAssetStatus',
    'DCHost',
    'DiskShare',
    'DiskShareMount',
    'Gap',
    'Orientation',
    'Rack',
    'RackAccessory',
    'RackOrientation',
    'ServerRoom',
    'VIP',
    'VIPProtocol',
]
