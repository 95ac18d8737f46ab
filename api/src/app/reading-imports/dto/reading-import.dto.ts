import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IMPORT_FIELD_VALUES,
  IMPORT_FILE_FORMAT_VALUES,
  IMPORT_PROBLEM_VALUES,
  type ImportColumnMapping,
  type ImportField,
  type ImportFileFormat,
  type ImportProblem,
  type ImportProblemCode,
  type ImportRowPreview,
  type PreviousImport,
  type ReadingImportPreview,
  type ReadingImportRequest,
  type ReadingImportResult,
} from '@waypoint/contracts';
import { Type } from 'class-transformer';
import {
  IsBase64,
  IsNotEmpty,
  IsObject,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { OneOf, Optional, OptionalText, RequiredText, SingleLine } from '../../common';

/** The largest file, in bytes, a person may import at once (16 MiB). */
export const IMPORT_MAX_FILE_BYTES = 16 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(IMPORT_MAX_FILE_BYTES / 3) * 4;

export class ImportMappingDto implements ImportColumnMapping {
  @OptionalText(255, { nonEmpty: true })
  measure?: string;

  @OptionalText(255, { nonEmpty: true })
  observedAt?: string;

  @OptionalText(255, { nonEmpty: true })
  value?: string;

  @OptionalText(255, { nonEmpty: true })
  note?: string;

  @OptionalText(255, { nonEmpty: true })
  evidenceUrl?: string;
}

export class ReadingImportDto implements ReadingImportRequest {
  @RequiredText(255, 'readings-2026-q1.xlsx')
  @SingleLine()
  fileName!: string;

  @ApiProperty({
    description: `The file (CSV in UTF-8, or XLSX), base64-encoded; at most ${IMPORT_MAX_FILE_BYTES / 1024 / 1024} MiB.`,
    format: 'byte',
    maxLength: MAX_BASE64,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_BASE64)
  @IsBase64()
  content!: string;

  @ApiPropertyOptional({
    type: ImportMappingDto,
    description:
      'Which column (by its header) holds each field; left out, columns are matched by their headers.',
  })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => ImportMappingDto)
  mapping?: ImportMappingDto;
}

export class TemplateQueryDto {
  @OneOf(IMPORT_FILE_FORMAT_VALUES)
  format!: ImportFileFormat;
}

class ImportProblemDto implements ImportProblem {
  @ApiProperty({ enum: IMPORT_PROBLEM_VALUES })
  code!: ImportProblemCode;

  @ApiProperty({ example: 'The value "n/a" is not a number.' })
  message!: string;
}

class ImportMeasureDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() initiativeTitle!: string;
}

export class ImportRowPreviewDto implements ImportRowPreview {
  @ApiProperty({ description: "The row's line in the spreadsheet (the header is line 1)." })
  line!: number;

  @ApiProperty({ description: 'The measure cell as written.' })
  measureText!: string;

  @ApiProperty({ type: ImportMeasureDto, nullable: true })
  measure!: ImportMeasureDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  observedAt!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  value!: number | null;

  @ApiProperty()
  note!: string;

  @ApiProperty({ type: String, nullable: true })
  evidenceUrl!: string | null;

  @ApiProperty({ type: [ImportProblemDto], description: 'Empty: the row is imported.' })
  problems!: ImportProblemDto[];
}

class ImportUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

class PreviousImportDto implements PreviousImport {
  @ApiProperty({ format: 'date-time' }) importedAt!: string;
  @ApiProperty({ type: ImportUserDto }) importedBy!: ImportUserDto;
  @ApiProperty() importedCount!: number;
}

export class ReadingImportPreviewDto implements ReadingImportPreview {
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: IMPORT_FILE_FORMAT_VALUES }) format!: ImportFileFormat;
  @ApiProperty({ type: [String] }) columns!: string[];
  @ApiProperty({ type: ImportMappingDto }) mapping!: ImportMappingDto;

  @ApiProperty({ enum: IMPORT_FIELD_VALUES, isArray: true })
  unmappedFields!: ImportField[];

  @ApiProperty({ type: [ImportRowPreviewDto] }) rows!: ImportRowPreviewDto[];
  @ApiProperty() validCount!: number;
  @ApiProperty() problemCount!: number;

  @ApiProperty({ type: PreviousImportDto, nullable: true })
  previousImport!: PreviousImportDto | null;
}

export class ReadingImportResultDto implements ReadingImportResult {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) importId!: string | null;
  @ApiProperty() importedCount!: number;
  @ApiProperty({ type: [ImportRowPreviewDto] }) skipped!: ImportRowPreviewDto[];

  @ApiProperty({ type: PreviousImportDto, nullable: true })
  previousImport!: PreviousImportDto | null;
}
